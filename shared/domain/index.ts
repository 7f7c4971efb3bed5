// Public names of the domain core. Everything here is pure: no DOM, Node or Electron.
export * from './check';
export * from './messages';

export * from './validation/uscc';
export * from './validation/residentId';
export * from './validation/mobile';
export * from './validation/landline';

export * from './hotline/parseHotline';
export * from './hotline/numberPatterns';
export * from './hotline/grades';

export * from './money/fen';
export * from './money/formatFen';
export * from './money/parseYuanToFen';
export * from './money/rmbUppercase';
export * from './money/parseRmbUppercase';

export * from './calendar/isoDate';
export * from './calendar/calendarYear';
export * from './calendar/calendarYearSchema';
export * from './calendar/workingDays';
export * from './calendar/formatContractDate';

export * from './rules/billing';
export * from './rules/lateFee';
export * from './rules/renewal';
export * from './rules/deadlines';

export * from './lifecycle/machine';
export * from './lifecycle/numberLifecycle';
export * from './lifecycle/serviceAccountLifecycle';
export * from './lifecycle/applicationLifecycle';

export * from './settings/officeSettings';
export * from './roles/permissions';
export * from './privacy/maskIdNumber';

export {
  ENTITY_FIELD_KEYS,
  checkedString,
  count as countField,
  entityFields,
  fen as fenField,
  isoDate as isoDateField,
  landlineField,
  mobileField,
  optionalText as optionalTextField,
  phoneField,
  requiredText as requiredTextField,
  sha256 as sha256Field,
  signedFen as signedFenField,
  utcTimestamp as utcTimestampField,
  uuid as uuidField,
} from './schemas/common';
export * from './schemas/customer';
export * from './schemas/hotlineNumber';
export * from './schemas/servicePackage';
export * from './schemas/serviceApplication';
export * from './schemas/serviceAccount';
export * from './schemas/contract';
export * from './schemas/payment';
export * from './schemas/callRecord';
export * from './schemas/user';
