import { useLiveQuery } from 'dexie-react-hooks';
import { currentUserManagesContracts, getContract, listContractableApplications, listContracts, type ContractListFilter, type ContractableApplication } from './contracts';
import type { ContractRow } from './contractsTypes';

/** Live views of contracts for React: they re-render when the rows change. `undefined` while loading. */

export function useContracts(filter: ContractListFilter): ContractRow[] | undefined {
  return useLiveQuery(() => listContracts(filter), [filter.text, filter.status, filter.limit]);
}

/** `null` when the contract does not exist. */
export function useContract(id: string | undefined): ContractRow | null | undefined {
  return useLiveQuery(async () => (id ? getContract(id) : null), [id]);
}

export function useContractableApplications(text: string): ContractableApplication[] | undefined {
  return useLiveQuery(() => listContractableApplications(text), [text]);
}

export function useManagesContracts(): boolean | undefined {
  return useLiveQuery(() => currentUserManagesContracts(), []);
}
