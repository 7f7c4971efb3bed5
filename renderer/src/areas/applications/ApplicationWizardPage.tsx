import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import {
  createApplication,
  createChangeApplication,
  getApplication,
  submitApplication,
  toInput,
  updateApplication,
} from '../../data/applications';
import { getAccount } from '../../data/accounts';
import { checkRequirement, emptyApplicationInput, type ApplicationInput } from '../../data/applicationsValidation';
import { useUiStore } from '../../state/uiStore';
import { CurrentUserSwitch } from '../users/CurrentUserSwitch';
import { NumberStep } from './NumberStep';
import { CustomerStep, PackageStep, RequirementStep, ReviewStep } from './WizardSteps';
import { errorInfo } from './format';

type StepId = 'customer' | 'number' | 'package' | 'requirement' | 'review';

const STEP_OF_FIELD: Record<string, StepId> = { customerId: 'customer', numberDigits: 'number', packageId: 'package', features: 'package' };

/**
 * The new-application wizard: customer → number (reserved, or picked and reserved here) → package
 * and features → requirement form → review. Also edits a draft (`<id>/edit`) and writes a change
 * requirement form for an account (`accounts/<id>/change`, customer and number fixed).
 */
export function ApplicationWizardPage() {
  const { t, i18n } = useTranslation('applications');
  const navigate = useNavigate();
  const { id, accountId } = useParams();
  const [params] = useSearchParams();
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  const [input, setInput] = useState<ApplicationInput>(() => emptyApplicationInput(params.get('customer') ?? ''));
  const [savedId, setSavedId] = useState<string | null>(id ?? null);
  const [title, setTitle] = useState(t('wizard.title'));
  const [active, setActive] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const isChange = !!accountId;
  const steps: StepId[] = isChange ? ['package', 'requirement', 'review'] : ['customer', 'number', 'package', 'requirement', 'review'];
  const current = steps[active]!;

  useEffect(() => {
    let live = true;
    if (id) {
      void getApplication(id).then((a) => {
        if (!live || !a) return;
        setInput(toInput(a));
        setTitle(t('wizard.editTitle', { no: a.no }));
      });
    } else if (accountId) {
      void getAccount(accountId).then((acc) => {
        if (!live || !acc) return;
        setInput({ ...emptyApplicationInput(acc.customerId), numberDigits: acc.numberDigits, packageId: acc.packageId, features: [...acc.features], ...acc.requirement });
        setTitle(t('wizard.changeTitle', { no: acc.no }));
      });
    }
    return () => {
      live = false;
    };
  }, [id, accountId, t]);

  const patch = (p: Partial<ApplicationInput>) => setInput((x) => ({ ...x, ...p }));

  const canLeave = (step: StepId): boolean => {
    if (step === 'customer') return !!input.customerId;
    if (step === 'requirement') {
      const r = checkRequirement(input, false, i18n.language);
      setErrors(r.errors);
      if (!r.values) setMessage(t('wizard.fixErrors'));
      return !!r.values;
    }
    return true;
  };

  const next = () => {
    setMessage('');
    if (canLeave(current)) setActive((a) => Math.min(a + 1, steps.length - 1));
  };

  const save = async (submit: boolean) => {
    setBusy(true);
    setMessage('');
    setErrors({});
    try {
      let app = savedId
        ? await updateApplication(savedId, input)
        : isChange
          ? await createChangeApplication(accountId!, input)
          : await createApplication(input);
      setSavedId(app.id);
      if (submit) {
        app = await submitApplication(app.id);
        showSnackbar(t('wizard.submitted', { no: app.no }));
      } else showSnackbar(t('wizard.saved', { no: app.no }));
      navigate(`/applications/${app.id}`);
    } catch (e) {
      const info = errorInfo(e);
      // The repository answers in zh-CN; requirement fields are re-checked here in the UI language.
      const local = checkRequirement(input, true, i18n.language).errors;
      setErrors(Object.fromEntries(Object.entries(info.fields).map(([f, m]) => [f, local[f] ?? m])));
      setMessage(info.message);
      const first = Object.keys(info.fields).map((f) => STEP_OF_FIELD[f] ?? (f === 'status' ? 'review' : 'requirement'))[0];
      if (first && steps.includes(first) && first !== 'review') setActive(steps.indexOf(first));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ p: 3, maxWidth: 1000 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {title}
        </Typography>
        <CurrentUserSwitch />
      </Box>
      <Stepper activeStep={active} sx={{ mb: 3 }}>
        {steps.map((s, i) => (
          <Step key={s} completed={i < active}>
            <StepLabel>{t(`wizard.steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" sx={{ p: 3 }}>
        {current === 'customer' && <CustomerStep value={input.customerId} onChange={(customerId) => patch({ customerId, numberDigits: input.customerId === customerId ? input.numberDigits : null })} />}
        {current === 'number' && <NumberStep customerId={input.customerId} value={input.numberDigits} onChange={(numberDigits) => patch({ numberDigits })} />}
        {current === 'package' && <PackageStep input={input} patch={patch} errors={errors} />}
        {current === 'requirement' && <RequirementStep input={input} patch={patch} errors={errors} />}
        {current === 'review' && <ReviewStep input={input} />}
        {message && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="wizard-error">
            {message}
          </Alert>
        )}
      </Paper>
      <Box sx={{ display: 'flex', gap: 2, mt: 2 }}>
        <Button disabled={active === 0 || busy} onClick={() => setActive((a) => a - 1)}>
          {t('wizard.back')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        {current !== 'review' && (
          <Button variant="contained" onClick={next} disabled={(current === 'customer' && !input.customerId) || (current === 'number' && !input.numberDigits)} data-testid="wizard-next">
            {t('wizard.next')}
          </Button>
        )}
        {current === 'review' && (
          <>
            <Button variant="outlined" disabled={busy} onClick={() => void save(false)} data-testid="wizard-save">
              {t('wizard.saveDraft')}
            </Button>
            <Button variant="contained" disabled={busy} onClick={() => void save(true)} data-testid="wizard-submit">
              {t('wizard.saveAndSubmit')}
            </Button>
          </>
        )}
      </Box>
    </Box>
  );
}
