// The rule catalogue (SPEC §3), in the order findings are reported for one component.
import type { Rule } from '../rule';
import foreignBaseModel from './foreign-base-model';
import foreignComponent from './foreign-component';
import foreignDataset from './foreign-dataset';
import directUrlDependency from './direct-url-dependency';
import expiredException from './expired-exception';
import foreignProprietary from './foreign-proprietary';
import foreignTransitive from './foreign-transitive';
import invalidLicense from './invalid-license';
import missingLockfile from './missing-lockfile';
import unhashedRequirement from './unhashed-requirement';
import unknownProvenance from './unknown-provenance';
import unlockedDependency from './unlocked-dependency';
import unpinnedVersion from './unpinned-version';

export const rules: readonly Rule[] = [
  foreignProprietary,
  foreignComponent,
  foreignBaseModel,
  foreignDataset,
  foreignTransitive,
  unknownProvenance,
  invalidLicense,
  unpinnedVersion,
  unhashedRequirement,
  directUrlDependency,
  missingLockfile,
  unlockedDependency,
  expiredException,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.meta.id, rule]));
