import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'expired-exception',
    description:
      'A documented exception (`ignore` in sovereign-lint.json) whose `until` date has passed: it no longer applies, and the findings it covered count again.',
    blocks: 'trusted',
    severity: { sovereign: 'warning', national: 'warning' },
    fixable: false,
    messages: {
      expired: 'Exception for {{component}} expired on {{until}} ("{{reason}}"): its findings count again',
    },
  },
  checkException(exception, today) {
    if (!exception.until || exception.until >= today) return undefined;
    return { messageId: 'expired', data: { component: exception.pattern, until: exception.until, reason: exception.reason } };
  },
});
