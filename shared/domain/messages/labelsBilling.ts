/**
 * English of the zh-CN terms billing messages name (catalogBilling.ts): the labels of the billing
 * forms, payment methods, dispute outcomes and what a user tried to do. Merged into TERMS_EN.
 */
export const BILLING_TERMS_EN: Readonly<Record<string, string>> = {
  // labels of the billing forms
  调账金额: 'Adjustment amount',
  调账方向: 'Direction',
  调账原因: 'Reason for the adjustment',
  退还金额: 'Credit',
  冲正原因: 'Reason for the reversal',
  撤销原因: 'Reason for reversing',
  异议原因: 'Reason for the dispute',
  处理结果: 'Decision',
  处理结果说明: 'Decision note',
  账单月份: 'Billing month',
  // payment methods
  银行转账: 'bank transfer',
  银行托收: 'bank collection',
  现金支付: 'cash',
  电话托收: 'phone-bill collection',
  // dispute outcomes
  成立: 'upheld',
  不成立: 'rejected',
  // actions
  提出话单异议: 'raise call-record disputes',
};
