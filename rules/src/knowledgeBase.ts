// The knowledge base that ships with Sovereign Lint: every data file in rules/kb, loaded once.
import conda from '../kb/conda.json';
import hfDatasets from '../kb/hf-datasets.json';
import hfModels from '../kb/hf-models.json';
import meta from '../kb/meta.json';
import namespaces from '../kb/namespaces.json';
import npm from '../kb/npm.json';
import npmWeb from '../kb/npm-web.json';
import pypi from '../kb/pypi.json';
import services from '../kb/services.json';
import { KnowledgeBase } from './kb';
import type { KbEntry } from './types';

interface KbFile {
  entries: KbEntry[];
}

/** The data files, by name, for tooling that checks them (schema, coverage). */
export const KB_FILES: Record<string, KbFile> = {
  'pypi.json': pypi as KbFile,
  'conda.json': conda as KbFile,
  'npm.json': npm as KbFile,
  'npm-web.json': npmWeb as KbFile,
  'hf-models.json': hfModels as KbFile,
  'hf-datasets.json': hfDatasets as KbFile,
  'namespaces.json': namespaces as KbFile,
  'services.json': services as KbFile,
};

export const KB_VERSION: string = meta.version;

let shipped: KnowledgeBase | undefined;

export function shippedKnowledgeBase(): KnowledgeBase {
  shipped ??= new KnowledgeBase(
    KB_VERSION,
    Object.values(KB_FILES).flatMap((file) => file.entries),
  );
  return shipped;
}
