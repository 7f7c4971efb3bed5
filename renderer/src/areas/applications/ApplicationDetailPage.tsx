import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useApplication, useCustomerRow, useNumberRow, usePackageRow } from '../../data/applicationsHooks';
import { useCurrentUser } from '../../data/usersHooks';
import { reviseApplication, submitApplication } from '../../data/applications';
import {
  APPLICATION_FLOW,
  applicationEventPermission,
  applicationFlowEventsFrom,
  flowIndex,
  type ApplicationFlowEvent,
} from '../../data/applicationsFlow';
import { nowIso } from '../../data/clock';
import { useUiStore } from '../../state/uiStore';
import { addDays, can } from '../../../../shared';
import { useOfficeTime } from '../customers/officeTime';
import { StatusChip } from './StatusChip';
import { DIALOG_EVENTS, StepDialog } from './StepDialog';
import { errorInfo, hotline, officeDate } from './format';
import { DetailField as Field, DetailHeader } from './DetailParts';

const dl = { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 } as const;

/** One form: the status stepper, the actions the current role may take, the dates and the history. */
export function ApplicationDetailPage() {
  const { t } = useTranslation('applications');
  const { id } = useParams();
  const navigate = useNavigate();
  const app = useApplication(id);
  const user = useCurrentUser();
  const customer = useCustomerRow(app?.customerId);
  const number = useNumberRow(app?.numberDigits);
  const pkg = usePackageRow(app?.packageId);
  const time = useOfficeTime();
  const zone = useUiStore((s) => s.officeProfile?.timeZone) || 'Asia/Shanghai';
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [dialog, setDialog] = useState<ApplicationFlowEvent | null>(null);

  if (app === undefined) return null;
  if (app === null) {
    return (
      <Box sx={{ p: 3 }}>
        <Alert severity="warning">{t('detail.notFound')}</Alert>
      </Box>
    );
  }
  const today = officeDate(nowIso(), zone);
  const events = applicationFlowEventsFrom(app.status);
  const allowed = (e: ApplicationFlowEvent) => !!user && can(user.role, applicationEventPermission(e, app.status));
  const stepIndex = app.status === 'active' ? APPLICATION_FLOW.length : flowIndex(app.status === 'rejected' || app.status === 'cancelled' ? (app.rejectedAt ?? 'draft') : app.status);

  const act = async (e: ApplicationFlowEvent) => {
    if (DIALOG_EVENTS.includes(e)) return setDialog(e);
    try {
      if (e === 'submit') await submitApplication(app.id);
      if (e === 'revise') await reviseApplication(app.id);
      showSnackbar(t('detail.done', { action: t(`detail.actions.${e}`) }));
    } catch (err) {
      showSnackbar(errorInfo(err).message, 'error');
    }
  };

  return (
    <Box sx={{ p: 3 }}>
      <DetailHeader backTo="/applications" backLabel={t('detail.back')} title={t('detail.title', { no: app.no })} chip={<StatusChip status={app.status} />} />

      <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
        <Stepper activeStep={stepIndex} alternativeLabel data-testid="status-stepper">
          {APPLICATION_FLOW.map((s, i) => (
            <Step key={s} completed={i < stepIndex}>
              <StepLabel error={(app.status === 'rejected' || app.status === 'cancelled') && i === stepIndex}>{t(`status.${s}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {app.status === 'rejected' && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="rejection">
            {t('detail.rejected', { step: t(`status.${app.rejectedAt ?? 'submitted'}`), reason: app.rejectionReason ?? '' })}
          </Alert>
        )}
        <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap', alignItems: 'center' }} data-testid="step-actions">
          {app.status === 'draft' && (
            <Button variant="outlined" onClick={() => navigate('edit')} data-testid="action-edit">
              {t('detail.edit')}
            </Button>
          )}
          {events.map((e) => (
            <Button
              key={e}
              variant={e === 'reject' || e === 'cancel' ? 'outlined' : 'contained'}
              color={e === 'reject' || e === 'cancel' ? 'error' : 'primary'}
              disabled={!allowed(e)}
              onClick={() => void act(e)}
              data-testid={`action-${e}`}
            >
              {t(`detail.actions.${e}`)}
            </Button>
          ))}
          {events.some((e) => !allowed(e)) && (
            <Typography variant="body2" color="text.secondary">
              {t('detail.roleHint')}
            </Typography>
          )}
        </Box>
      </Paper>

      {app.deemedAcceptanceOn && (
        <Alert severity={app.status === 'completion_received' ? 'warning' : 'info'} sx={{ mb: 2 }} data-testid="deemed-acceptance">
          <strong>{t('detail.deemedBanner', { date: app.deemedAcceptanceOn })}</strong>
          <br />
          {t('detail.deemedHint', { date: app.deemedAcceptanceOn, next: addDays(app.deemedAcceptanceOn, 1) })}
        </Alert>
      )}

      <Box sx={{ display: 'grid', gridTemplateColumns: { lg: '1fr 1fr' }, gap: 2 }}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Box component="dl" sx={dl}>
            <Field label={t('detail.customer')}>
              {customer ? (
                <RouterLink to={`/customers/${customer.id}`}>{customer.name}</RouterLink>
              ) : (
                '—'
              )}
            </Field>
            <Field label={t('detail.number')} testId="detail-number">
              {hotline(app.numberDigits)} {number ? `（${t(`accounts:numberStatus.${number.status}`)}）` : ''}
            </Field>
            <Field label={t('detail.package')}>{pkg?.name ?? '—'}</Field>
            <Field label={t('detail.features')}>{app.features.join('、') || t('detail.none')}</Field>
            <Field label={t('wizard.fields.usageScope')}>{app.requirement.usageScope || '—'}</Field>
            <Field label={t('wizard.fields.destinationNumbers')}>{app.requirement.destinationNumbers.join('、') || '—'}</Field>
            <Field label={t('wizard.fields.callCentreLocation')}>{app.requirement.callCentreLocation || '—'}</Field>
            <Field label={t('wizard.fields.business')}>{app.requirement.business || '—'}</Field>
            <Field label={t('wizard.fields.technicalRequirements')}>{app.requirement.technicalRequirements || '—'}</Field>
            <Field label={t('wizard.fields.requestedOpeningDate')}>{app.requirement.requestedOpeningDate || '—'}</Field>
            <Field label={t('wizard.fields.termMonths')}>{app.requirement.termMonths || '—'}</Field>
            <Field label={t('wizard.fields.contactName')}>
              {app.requirement.contactName || '—'} {app.requirement.contactPhone}
            </Field>
          </Box>
        </Paper>
        <Box sx={{ display: 'grid', gap: 2, alignContent: 'start' }}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle1" sx={{ mb: 1 }}>
              {t('detail.dates')}
            </Typography>
            <Box component="dl" sx={dl}>
              <Field label={t('detail.contractSignedOn')}>{app.contractSignedOn ?? '—'}</Field>
              <Field label={t('detail.sentToCarrierOn')}>{app.sentToCarrierOn ?? '—'}</Field>
              <Field label={t('detail.completionReceivedOn')} testId="completion-received-on">
                {app.completionReceivedOn ?? '—'}
              </Field>
              <Field label={t('detail.openedOn')} testId="opened-on">
                {app.openedOn ?? '—'}
              </Field>
              <Field label={t('detail.deemedAcceptanceOn')} testId="deemed-acceptance-on">
                {app.completionReceivedOn ? (app.deemedAcceptanceOn ?? t('detail.deemedUnknown')) : '—'}
              </Field>
              <Field label={t('detail.acceptance')}>
                {app.acceptance ? t(app.acceptance === 'signed' ? 'detail.acceptanceSigned' : 'detail.acceptanceDeemed') : '—'}
              </Field>
              {app.accountId && (
                <Field label={t('detail.account')}>
                  <Button size="small" variant="outlined" component={RouterLink} to={`/applications/accounts/${app.accountId}`} data-testid="open-account">
                    {t('detail.openAccount')}
                  </Button>
                </Field>
              )}
            </Box>
          </Paper>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle1">{t('detail.history')}</Typography>
            <List dense data-testid="application-history">
              {[...app.steps].reverse().map((s, i) => (
                <Box key={`${s.at}-${i}`}>
                  {i > 0 && <Divider component="li" />}
                  <ListItem>
                    <ListItemText primary={`${time(s.at)} · ${t('detail.historyLine', { who: s.userName, event: t(`detail.events.${s.event}`) })}`} secondary={s.note || undefined} />
                  </ListItem>
                </Box>
              ))}
            </List>
          </Paper>
        </Box>
      </Box>
      {dialog && (
        <StepDialog
          app={app}
          event={dialog}
          today={today}
          onClose={() => setDialog(null)}
          onDone={() => {
            showSnackbar(t('detail.done', { action: t(`detail.actions.${dialog}`) }));
            setDialog(null);
          }}
        />
      )}
    </Box>
  );
}
