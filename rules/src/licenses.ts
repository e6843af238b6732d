// Licence facts: is a string a valid SPDX expression, what does a non-SPDX string mean, and is a
// licence open (OSI-approved, or an unrestricted open-content licence such as CC0 or CC-BY for data).
import parseSpdx from 'spdx-expression-parse';
import spdxList from 'spdx-license-list';
import deprecatedIds from 'spdx-license-ids/deprecated.json';
import licenseTable from '../kb/licenses.json';
import hfLicenses from '../kb/hf-licenses.json';
import type { ComponentLicense } from './types';

type SpdxNode = ReturnType<typeof parseSpdx>;

const normaliseTable = licenseTable.normalise as Record<string, string | null>;
const deprecatedReplacements = licenseTable.deprecatedReplacements as Record<string, string>;
// Public-domain dedications and attribution-only content licences are not on the OSI list (OSI reviews
// software licences) but restrict no use, so a component under them is open; NC/ND licences are not.
const openContent = new Set(licenseTable.openContent);
const deprecated = new Set<string>(deprecatedIds);

interface HfLicense {
  hf: string;
  name: string;
  spdx: string | null;
  osiApproved: boolean | null;
}
const hfById = new Map((hfLicenses as HfLicense[]).map((l) => [l.hf, l]));

export type LicenseCheck =
  | { valid: true; expression: string; deprecatedIds: string[] }
  | { valid: false; reason: string; suggestion?: string };

/** Parses an SPDX expression; LicenseRef-* ids are valid (they name licences SPDX does not list). */
export function checkSpdx(value: string): LicenseCheck {
  let tree: SpdxNode;
  try {
    tree = parseSpdx(value.trim());
  } catch {
    const suggestion = normaliseLicense(value);
    const reason = `"${value}" is not a valid SPDX licence expression`;
    return suggestion && suggestion !== value ? { valid: false, reason, suggestion } : { valid: false, reason };
  }
  return { valid: true, expression: value.trim(), deprecatedIds: licenseIds(tree).filter((id) => deprecated.has(id)) };
}

/** A Hugging Face card licence id (https://huggingface.co/docs/hub/repositories-licenses), or undefined. */
export function hfLicense(id: string): HfLicense | undefined {
  return hfById.get(id.trim().toLowerCase());
}

/**
 * The SPDX expression a licence string means: SPDX expressions pass through (deprecated ids
 * replaced), common non-SPDX spellings and Hugging Face ids are mapped. Undefined when it names no
 * single licence ("BSD", "GPL") or is not recognised.
 */
export function normaliseLicense(value: string): string | undefined {
  const trimmed = value.trim();
  const replaced = deprecatedReplacements[trimmed];
  if (replaced) return replaced;
  try {
    parseSpdx(trimmed);
    return trimmed;
  } catch {
    // not SPDX: try the tables below
  }
  const key = trimmed.toLowerCase();
  if (key in normaliseTable) return normaliseTable[key] ?? undefined;
  const hf = hfLicense(key);
  // LicenseRef ids allow letters, digits, `.` and `-` only: `openrail++` becomes `openrail-plus-plus`.
  if (hf) return hf.spdx ?? `LicenseRef-${hf.hf.replace(/\+/g, '-plus')}`;
  return undefined;
}

/** Longer than any licence expression packages declare ("(MIT OR Apache-2.0) AND BSD-3-Clause WITH LLVM-exception"). */
const MAX_DECLARED_LICENSE = 160;

/**
 * A component's licence: the knowledge base's (reviewed, so it wins), else the one the package declares itself,
 * when that names a licence (`SEE LICENSE IN …` and `UNLICENSED` name none).
 */
export function componentLicense(recorded: string | undefined, declared: string | undefined): ComponentLicense | undefined {
  if (recorded !== undefined) return { expression: recorded, source: 'knowledge-base' };
  // Past any real expression's length, a declared licence is not parsed (a lockfile can repeat one for every package).
  const expression = declared === undefined || declared.length > MAX_DECLARED_LICENSE ? undefined : normaliseLicense(declared);
  return expression === undefined ? undefined : { expression, source: 'package' };
}

/** True when the licence lets anyone use, study, change and share the component (see `openContent`). */
export function isOpenLicense(expression: string): boolean {
  let tree: SpdxNode;
  try {
    tree = parseSpdx(expression);
  } catch {
    return false;
  }
  return isOpenNode(tree);
}

function isOpenNode(node: SpdxNode): boolean {
  if ('conjunction' in node) {
    return node.conjunction === 'and'
      ? isOpenNode(node.left) && isOpenNode(node.right)
      : isOpenNode(node.left) || isOpenNode(node.right);
  }
  const id = deprecatedReplacements[node.license]?.split(' ')[0] ?? node.license;
  const entry = (spdxList as Record<string, { osiApproved: boolean } | undefined>)[id];
  return entry?.osiApproved === true || openContent.has(id);
}

function licenseIds(node: SpdxNode): string[] {
  return 'conjunction' in node ? [...licenseIds(node.left), ...licenseIds(node.right)] : [node.license];
}
