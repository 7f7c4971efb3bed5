import { useTranslation } from 'react-i18next';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { LANGUAGES, isLanguage } from '../../i18n';
import { useUiStore } from '../../state/uiStore';
import { changeLanguage } from '../actions';

export function LanguageSwitch() {
  const { t } = useTranslation('shell');
  const language = useUiStore((s) => s.language);
  const showSnackbar = useUiStore((s) => s.showSnackbar);
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={language}
      aria-label={t('language.label')}
      onChange={(_event, next: unknown) => {
        if (isLanguage(next)) changeLanguage(next).catch((e: unknown) => showSnackbar(String(e), 'error'));
      }}
      sx={{ bgcolor: 'background.paper' }}
    >
      {LANGUAGES.map((lng) => (
        <ToggleButton key={lng} value={lng} lang={lng} sx={{ px: 1.5, py: 0.25 }}>
          {t(`language.${lng}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
