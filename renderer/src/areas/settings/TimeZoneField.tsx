import { useMemo } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

interface Props {
  value: string;
  label: string;
  helperText: string;
  error: boolean;
  disabled?: boolean;
  onChange(value: string): void;
}

/** An IANA time zone picked from the ones this browser knows (Intl.supportedValuesOf). */
export function TimeZoneField({ value, label, helperText, error, disabled, onChange }: Props) {
  const options = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  return (
    <Autocomplete
      options={options}
      value={value || null}
      disabled={disabled}
      onChange={(_event, next) => onChange(next ?? '')}
      renderInput={(params) => <TextField {...params} name="timeZone" label={label} helperText={helperText} error={error} required />}
    />
  );
}
