import {
  toOfficeDate,
  validateLandline,
  validateMobile,
  yuanFigures,
  type ContractTemplateId,
  type OfficeSettings,
} from '../../../shared';
import type { StoredOfficeProfile } from './officeProfile';
import type { ApplicationForContract } from './contractsTypes';
import type { CustomerRow, NumberRow } from './rows';

/**
 * The template input of a contract, built from the records (pure, so it is tested without a
 * store). Field names are the templates' zod schemas (shared/contracts/templates/*); a value the
 * records do not have is left out, and the contract prints a blank line for handwriting there.
 */

export interface ContractSources {
  application: ApplicationForContract;
  customer: CustomerRow;
  number: NumberRow | null;
  pkg: { name: string; prepaymentFen: number; monthlyMinimumFen: number; tariffFenPerMinute: number; termMonths: number } | null;
  /** The grade's monthly minimum of a vanity number (靓号), when it has one. */
  gradeMinimumFen: number | null;
  profile: StoredOfficeProfile;
  settings: OfficeSettings;
  /** user id → name, for 登记人 / 经办人. */
  userNames: ReadonlyMap<string, string>;
}

/** A phone the contract's 联系方式 accepts (a mobile or a landline), else nothing. */
function phone(s: string | null | undefined): string | undefined {
  const v = (s ?? '').trim();
  return v && (validateMobile(v).ok || validateLandline(v).ok) ? v : undefined;
}

/** Drops empty values (undefined, null, '', empty arrays and objects) so the schemas see "not given". */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const xs = value.map(withoutEmpty).filter((x) => x !== undefined);
    return xs.length ? xs : undefined;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = withoutEmpty(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === null || value === '' || (typeof value === 'string' && !value.trim())) return undefined;
  return value;
}

const term = (months: number | undefined) => (months && months > 0 ? `${months}个月` : undefined);

/** The input of `templateId` for an application, without the contract number (added when built). */
export function buildContractInput(templateId: ContractTemplateId, s: ContractSources): Record<string, unknown> {
  const { application: app, customer: c, profile: p } = s;
  const req = app.requirement ?? {};
  const zone = p.timeZone || s.settings.timeZone;
  const reseller = { name: p.name, address: p.address, legalRepresentative: p.legalRepresentative, contact: phone(p.phone) };
  const customerParty = { name: c.name, address: c.address, legalRepresentative: c.legalRepresentative ?? undefined, contact: phone(c.landline) ?? phone(c.handlerMobile) };
  const hotlineNumber = app.numberDigits ?? undefined;
  let input: Record<string, unknown>;
  if (templateId === 'agreement-400') {
    const kinds = new Set(c.attachments.map((a) => a.kind));
    const monthly = Math.max(s.pkg?.monthlyMinimumFen ?? 0, s.gradeMinimumFen ?? 0);
    input = {
      reseller,
      customer: customerParty,
      hotlineNumber,
      contractAmountFen: s.pkg?.prepaymentFen,
      monthlyMinimumFen: s.pkg || s.gradeMinimumFen ? monthly : undefined,
      registration: {
        uscc: c.uscc,
        handlerName: c.handlerName,
        handlerIdNumber: c.handlerIdNumber,
        handlerMobile: c.handlerMobile,
        companyLandline: c.landline,
        licenceCopyReceived: kinds.has('business_licence'),
        idCopyReceived: kinds.has('handler_id_front') || kinds.has('handler_id_back'),
        registeredBy: s.userNames.get(c.createdBy),
        registeredOn: toOfficeDate(c.createdAt, zone),
      },
      application: {
        destinationNumbers: req.destinationNumbers,
        packageName: s.pkg?.name,
        tariff: s.pkg ? `${yuanFigures(s.pkg.tariffFenPerMinute)}元/分钟` : undefined,
        prepaymentFen: s.pkg?.prepaymentFen,
        term: term(req.termMonths) ?? term(s.pkg?.termMonths),
        requestedOpenOn: req.requestedOpeningDate,
        handledBy: app.createdBy ? s.userNames.get(app.createdBy) : undefined,
        notes: app.features?.length ? `功能：${app.features.join('、')}` : undefined,
      },
    };
  } else if (templateId === 'access-4008') {
    input = {
      customer: customerParty,
      reseller,
      hotlineNumber,
      overdueDaysToTermination: s.settings.overdueDaysToTermination >= 1 ? s.settings.overdueDaysToTermination : undefined,
      requirement: {
        usageScope: req.usageScope,
        destinationNumbers: req.destinationNumbers,
        callCentreLocation: req.callCentreLocation,
        callCentreBusiness: req.business,
        technicalRequirements: req.technicalRequirements,
        requestedOpenOn: req.requestedOpeningDate,
        term: term(req.termMonths) ?? term(s.pkg?.termMonths),
        contactName: req.contactName,
        contactPhone: phone(req.contactPhone),
      },
    };
  } else {
    input = {
      customer: { name: c.name },
      reseller,
      hotlineNumber,
      destinationNumbers: req.destinationNumbers,
      openedOn: app.openedOn ?? undefined,
      deliveredOn: app.completionReceivedOn ?? undefined,
    };
  }
  // `reseller.name` is required by every template and is never empty here (the profile requires it).
  return (withoutEmpty(input) as Record<string, unknown> | undefined) ?? {};
}
