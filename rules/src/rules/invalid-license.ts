import { checkSpdx, hfLicense, normaliseLicense } from '../licenses';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'invalid-license',
    description:
      'A licence that is not a valid SPDX expression (or a card licence `other` without `license_name`): blocks trusted readiness.',
    blocks: 'trusted',
    severity: { sovereign: 'warning', national: 'warning' },
    fixable: true,
    messages: {
      notSpdx: 'Licence "{{value}}" is not a valid SPDX expression: blocks trusted readiness',
      notSpdxSuggest:
        'Licence "{{value}}" is not a valid SPDX expression (did you mean {{suggestion}}?): blocks trusted readiness',
      deprecatedId: 'Licence id {{id}} is deprecated in SPDX; use {{replacement}}: blocks trusted readiness',
      otherWithoutName: 'Licence "other" without license_name: name the licence so it can be reviewed; blocks trusted readiness',
      unknownCardLicense:
        'Licence "{{value}}" is neither a Hugging Face licence id nor a valid SPDX expression: blocks trusted readiness',
    },
  },
  checkLicense(license) {
    const value = license.value.trim();
    if (license.dialect === 'hf-card') {
      const hf = hfLicense(value);
      if (hf?.hf === 'other') {
        return license.customName ? undefined : { messageId: 'otherWithoutName', data: {} };
      }
      if (hf && hf.hf !== 'unknown') return undefined;
      if (!hf && checkSpdx(value).valid) return undefined;
      return { messageId: 'unknownCardLicense', data: { value } };
    }
    const check = checkSpdx(value);
    if (!check.valid) {
      if (!check.suggestion) return { messageId: 'notSpdx', data: { value } };
      const suggestion = check.suggestion;
      return {
        messageId: 'notSpdxSuggest',
        data: { value, suggestion },
        fix: { kind: 'replace-license', title: `Use the SPDX expression ${suggestion}`, newText: suggestion },
      };
    }
    const [id] = check.deprecatedIds;
    if (id === undefined) return undefined;
    const replacement = normaliseLicense(id) ?? id;
    const newText = check.deprecatedIds.reduce(replaceId, value);
    return {
      messageId: 'deprecatedId',
      data: { id, replacement },
      fix: { kind: 'replace-license', title: `Use ${newText}`, newText },
    };
  },
});

/** Replaces one licence id (a whole token, `GPL-3.0` but not `LGPL-3.0`) by its current SPDX id. */
function replaceId(expression: string, id: string): string {
  const token = new RegExp(`(?<![\\w.+-])${id.replace(/[.+]/g, '\\$&')}(?![\\w.+-])`, 'g');
  return expression.replace(token, normaliseLicense(id) ?? id);
}
