import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useDashboard } from '../../data/billingHooks';
import { NUMBER_STATES, type DashboardData } from '../../data/dashboard';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';
import { ExportButton } from './ExportButton';
import type { XlsxColumn, XlsxSheet } from './xlsx';
import { formatFen } from '../../../../shared';

/** fen → yuan as a chart value. Charts draw floats anyway; the tables and exports keep the exact fen. */
const chartYuan = (fen: number) => fen / 100;
const money = (fen: number) => formatFen(fen);

interface Section<Row> {
  id: string;
  title: string;
  columns: (XlsxColumn & { render?: (r: Row) => ReactNode })[];
  rows: Row[];
  chart?: ReactNode;
  empty?: string;
}

function SectionCard<Row extends Record<string, string | number | null>>({ s, today }: { s: Section<Row>; today: string }) {
  const sheet = (): XlsxSheet => ({ name: s.title, columns: s.columns.map(({ key, header, money: m }) => ({ key, header, money: m })), rows: s.rows });
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', minWidth: 0 }} data-testid={`dash-${s.id}`}>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
          {s.title}
        </Typography>
        <ExportButton fileName={`${s.id}-${today}.xlsx`} sheet={sheet} testId={`export-${s.id}`} />
      </Box>
      {s.chart}
      <TableContainer sx={{ maxHeight: 260, overflowX: 'auto' }}>
        <Table size="small" stickyHeader aria-label={s.title} sx={{ '& td, & th': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              {s.columns.map((c) => (
                <TableCell key={c.key} align={c.money || typeof s.rows[0]?.[c.key] === 'number' ? 'right' : 'left'}>
                  {c.header}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {s.rows.map((r, i) => (
              <TableRow key={i}>
                {s.columns.map((c) => {
                  const v = r[c.key];
                  return (
                    <TableCell key={c.key} align={typeof v === 'number' ? 'right' : 'left'}>
                      {c.render ? c.render(r) : c.money && typeof v === 'number' ? money(v) : (v ?? '')}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {s.rows.length === 0 && s.empty && (
        <Typography sx={{ p: 1 }} color="text.secondary">
          {s.empty}
        </Typography>
      )}
    </Paper>
  );
}

function Kpi({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: '1 1 160px' }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" data-testid={testId}>
        {value}
      </Typography>
    </Paper>
  );
}

function Sections({ d }: { d: DashboardData }) {
  const { t } = useTranslation('dashboard');
  const revenue: Section<Record<string, string | number>> = {
    id: 'revenue',
    title: t('revenue.title'),
    columns: [
      { key: 'month', header: t('revenue.month') },
      { key: 'billedFen', header: t('revenue.billed'), money: true },
      { key: 'receivedFen', header: t('revenue.received'), money: true },
    ],
    rows: d.revenue.map((r) => ({ ...r })),
    chart: (
      <BarChart
        height={240}
        xAxis={[{ scaleType: 'band', data: d.revenue.map((r) => r.month.slice(2)), height: 28 }]}
        series={[
          { data: d.revenue.map((r) => chartYuan(r.billedFen)), label: t('revenue.billed') },
          { data: d.revenue.map((r) => chartYuan(r.receivedFen)), label: t('revenue.received') },
        ]}
      />
    ),
  };
  const ageing: Section<Record<string, string | number>> = {
    id: 'ageing',
    title: t('ageing.title'),
    columns: [
      { key: 'bucket', header: t('ageing.bucket') },
      { key: 'accounts', header: t('ageing.accounts') },
      { key: 'amountFen', header: t('ageing.amount'), money: true },
    ],
    rows: d.ageing.map((b) => ({ bucket: t(`ageing.buckets.${b.key}`), accounts: b.accounts, amountFen: b.amountFen })),
    chart: <BarChart height={220} layout="horizontal" yAxis={[{ scaleType: 'band', data: d.ageing.map((b) => t(`ageing.buckets.${b.key}`)), width: 110 }]} series={[{ data: d.ageing.map((b) => chartYuan(b.amountFen)), label: t('ageing.amount'), color: '#d32f2f' }]} />,
  };
  const grades: Section<Record<string, string | number>> = {
    id: 'grades',
    title: t('grades.title'),
    columns: [{ key: 'grade', header: t('grades.grade') }, ...NUMBER_STATES.map((s) => ({ key: s, header: t(`states.${s}`) })), { key: 'total', header: t('grades.total') }],
    rows: d.gradeStates.map((g) => ({ grade: g.gradeId ? g.gradeName : t('grades.ordinary'), ...g.counts, total: g.total })),
    chart: (
      <BarChart
        height={240}
        xAxis={[{ scaleType: 'band', data: d.gradeStates.map((g) => (g.gradeId ? g.gradeName : t('grades.ordinary'))), height: 28 }]}
        series={NUMBER_STATES.filter((s) => d.gradeStates.some((g) => g.counts[s] > 0)).map((s) => ({ data: d.gradeStates.map((g) => g.counts[s]), label: t(`states.${s}`), stack: 'n' }))}
      />
    ),
  };
  const expiring: Section<Record<string, string | number>> = {
    id: 'expiring',
    title: t('expiring.title'),
    columns: [
      { key: 'accountNo', header: t('expiring.account') },
      { key: 'customerName', header: t('expiring.customer') },
      { key: 'numberDigits', header: t('expiring.number') },
      { key: 'termEndsOn', header: t('expiring.termEnds') },
      { key: 'daysLeft', header: t('expiring.daysLeft') },
      { key: 'balanceFen', header: t('expiring.balance'), money: true },
    ],
    rows: d.expiring.map((e) => ({ ...e })),
    empty: t('expiring.empty'),
  };
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
      <SectionCard s={revenue} today={d.today} />
      <SectionCard s={ageing} today={d.today} />
      <SectionCard s={grades} today={d.today} />
      <SectionCard s={expiring} today={d.today} />
    </Box>
  );
}

/** 经营看板 (issue 7 item 6): the manager's figures from this device's data, each table exportable to Excel. */
export default function DashboardArea() {
  const { t } = useTranslation('dashboard');
  const d = useDashboard();
  return (
    <Box sx={{ p: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('title')}
        </Typography>
        <CurrentUserSwitch />
      </Box>
      {!d ? (
        <LinearProgress />
      ) : 'denied' in d ? (
        <Alert severity="info">{d.denied}</Alert>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('asOf', { date: d.today })}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}>
            <Kpi label={t('kpi.activeNumbers')} value={String(d.activeNumbers)} testId="kpi-active-numbers" />
            <Kpi label={t('kpi.activeAccounts')} value={String(d.activeAccounts)} testId="kpi-active-accounts" />
            <Kpi label={t('kpi.suspendedAccounts')} value={String(d.suspendedAccounts)} testId="kpi-suspended-accounts" />
            <Kpi label={t('kpi.arrears')} value={money(d.arrearsTotalFen)} testId="kpi-arrears" />
          </Box>
          <Sections d={d} />
        </>
      )}
    </Box>
  );
}
