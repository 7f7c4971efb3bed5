import { useTranslation } from 'react-i18next';
import { PAYMENT_METHOD_LABELS, rmbUppercase } from '../../../../shared';
import type { Receipt } from '../../data/ledger';
import { hotline, yuan } from './money';

/**
 * The receipt as plain HTML with its own inline styles, so the same markup shows on screen and on
 * paper (inside the print root). The amount in capitals follows the PBOC rules (shared rmbUppercase).
 */
export function ReceiptView({ receipt, customerName, officeName }: { receipt: Receipt; customerName: string; officeName: string }) {
  const { t } = useTranslation('billing');
  const cell = { border: '1px solid #333', padding: '6px 10px', fontSize: 14 } as const;
  const head = { ...cell, width: '22%', background: '#f3f3f3' } as const;
  return (
    <div data-testid="receipt" style={{ fontFamily: '"Noto Serif CJK SC", "Noto Sans CJK SC", serif', color: '#000', background: '#fff', padding: 24, maxWidth: 720 }}>
      <h2 style={{ textAlign: 'center', letterSpacing: 8, margin: '0 0 4px' }}>{t('receipt.title')}</h2>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13, marginBottom: 8 }}>
        <span>
          {t('receipt.no')}：<b data-testid="receipt-no">{receipt.receiptNo}</b>
        </span>
        <span>
          {t('receipt.date')}：{receipt.receivedOn}
        </span>
      </div>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          <tr>
            <td style={head}>{t('receipt.customer')}</td>
            <td style={cell} colSpan={3}>
              {customerName}
            </td>
          </tr>
          <tr>
            <td style={head}>{t('receipt.account')}</td>
            <td style={cell}>{receipt.accountNo}</td>
            <td style={head}>{t('receipt.number')}</td>
            <td style={cell}>{hotline(receipt.numberDigits)}</td>
          </tr>
          <tr>
            <td style={head}>{t('receipt.kind')}</td>
            <td style={cell}>{t(`kinds.${receipt.kind}`)}</td>
            <td style={head}>{t('receipt.method')}</td>
            <td style={cell}>{PAYMENT_METHOD_LABELS[receipt.method]}</td>
          </tr>
          <tr>
            <td style={head}>{t('receipt.reference')}</td>
            <td style={cell} colSpan={3}>
              {receipt.reference ?? '—'}
            </td>
          </tr>
          <tr>
            <td style={head}>{t('receipt.amountUpper')}</td>
            <td style={{ ...cell, fontSize: 16, fontWeight: 'bold' }} colSpan={3} data-testid="receipt-upper">
              人民币{rmbUppercase(receipt.amountFen)}
            </td>
          </tr>
          <tr>
            <td style={head}>{t('receipt.amount')}</td>
            <td style={{ ...cell, fontWeight: 'bold' }} data-testid="receipt-amount">
              ¥{yuan(receipt.amountFen)}
            </td>
            <td style={head}>{t('receipt.balanceAfter')}</td>
            <td style={cell} data-testid="receipt-balance">
              ¥{yuan(receipt.balanceAfterFen)}
            </td>
          </tr>
        </tbody>
      </table>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13, marginTop: 16 }}>
        <span>
          {t('receipt.office')}：{officeName} {t('receipt.stamp')}
        </span>
        <span>
          {t('receipt.recordedBy')}：{receipt.recordedBy}
        </span>
      </div>
      {receipt.pending && <p style={{ fontSize: 12, color: '#555', marginTop: 12 }}>{t('receipt.pendingNote')}</p>}
    </div>
  );
}
