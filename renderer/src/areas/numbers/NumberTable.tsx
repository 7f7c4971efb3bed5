import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { zhCN, enUS } from '@mui/x-data-grid/locales';
import { useGradeRules, useNumberPage } from '../../data/numbersHooks';
import type { PickerQuery } from '../../data/numbersPicker';
import type { NumberRow, NumberStatus } from '../../data/rows';
import { formatHotline, formatYuan, useOfficeTime } from './format';

const STATUS_COLOR: Record<NumberStatus, 'default' | 'success' | 'warning' | 'info' | 'error'> = {
  available: 'success',
  reserved: 'warning',
  active: 'info',
  suspended: 'error',
  frozen: 'error',
  reclaimed: 'default',
  cooling: 'default',
};

export function StatusChip({ status }: { status: NumberStatus }) {
  const { t } = useTranslation('numbers');
  return <Chip size="small" color={STATUS_COLOR[status]} label={t(`status.${status}`)} data-testid={`status-${status}`} />;
}

/**
 * A page of numbers in a DataGrid. The data layer pages by keyset (the digits of the last row), so
 * the grid keeps the cursor of each page it has seen; a query whose total is unknown (the bounded
 * scan route) shows "more than …" and next/previous only.
 */
export function NumberTable({ query, actions, testId }: { query: PickerQuery; actions: (n: NumberRow) => ReactNode; testId: string }) {
  const { t, i18n } = useTranslation('numbers');
  const time = useOfficeTime();
  const rules = useGradeRules();
  const [model, setModel] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    // a new query starts again from its first page
    setModel((m) => ({ ...m, page: 0 }));
    setCursors([null]);
  }, [queryKey]);
  const after = cursors[model.page] ?? null;
  const page = useNumberPage(query, model.pageSize, after);
  useEffect(() => {
    if (!page) return;
    setCursors((c) => {
      if (c[model.page + 1] === page.nextAfter) return c;
      const next = c.slice(0, model.page + 1);
      next[model.page + 1] = page.nextAfter;
      return next;
    });
  }, [page, model.page]);

  const gradeName = useMemo(() => new Map((rules ?? []).map((r) => [r.id, r.name])), [rules]);
  const columns: GridColDef<NumberRow>[] = [
    { field: 'digits', headerName: t('col.number'), width: 150, sortable: false, valueFormatter: (v: string) => formatHotline(v), cellClassName: 'mono' },
    { field: 'carrier', headerName: t('col.carrier'), width: 90, sortable: false, valueFormatter: (v: string) => t(`carrier.${v}`) },
    { field: 'grade', headerName: t('col.grade'), width: 110, sortable: false, valueFormatter: (v: string | null) => (v ? (gradeName.get(v) ?? '') : t('grade.ordinary')) },
    { field: 'priceFen', headerName: t('col.price'), width: 110, sortable: false, align: 'right', headerAlign: 'right', valueFormatter: (v: number) => formatYuan(v) },
    { field: 'status', headerName: t('col.status'), width: 110, sortable: false, renderCell: (p) => <StatusChip status={p.row.status} /> },
    { field: 'reservedUntil', headerName: t('col.reservedUntil'), width: 150, sortable: false, valueFormatter: (v: string | null) => time(v) },
    { field: 'actions', headerName: '', flex: 1, minWidth: 220, sortable: false, renderCell: (p) => actions(p.row) },
  ];
  // A bounded scan knows no total until it reaches the end of the range; then the count is exact.
  const rowCount = !page ? 0 : page.total !== null ? page.total : page.nextAfter === null ? model.page * model.pageSize + page.rows.length : -1;
  return (
    <Box data-testid={testId}>
      <DataGrid
        rows={page?.rows ?? []}
        getRowId={(r) => r.digits}
        columns={columns}
        loading={page === undefined}
        paginationMode="server"
        rowCount={rowCount}
        paginationMeta={{ hasNextPage: Boolean(page?.nextAfter) }}
        paginationModel={model}
        onPaginationModelChange={(m) => {
          if (m.pageSize !== model.pageSize) {
            setCursors([null]);
            setModel({ page: 0, pageSize: m.pageSize });
          } else setModel(m);
        }}
        pageSizeOptions={[25, 50, 100]}
        disableColumnMenu
        disableRowSelectionOnClick
        density="compact"
        localeText={(i18n.language === 'en' ? enUS : zhCN).components.MuiDataGrid.defaultProps.localeText}
        sx={{ '& .mono': { fontFamily: 'monospace', fontSize: 15 }, minHeight: 400 }}
      />
    </Box>
  );
}
