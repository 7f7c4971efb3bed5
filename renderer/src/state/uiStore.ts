import { create } from 'zustand';
import type { Language } from '../i18n';
import type { StoredOfficeProfile } from '../data/officeProfile';

/**
 * UI state shared across the shell and areas. Pure state and setters only; the actions that
 * also persist (language, office profile) live in app/actions.ts and call the repositories.
 */

export interface Snackbar {
  id: number;
  message: string;
  severity: 'success' | 'info' | 'warning' | 'error';
}

export interface UiState {
  language: Language;
  /** Cache of the saved office profile (null before it is filled in). */
  officeProfile: StoredOfficeProfile | null;
  snackbar: Snackbar | null;
  setLanguage(language: Language): void;
  setOfficeProfile(profile: StoredOfficeProfile | null): void;
  showSnackbar(message: string, severity?: Snackbar['severity']): void;
  closeSnackbar(): void;
}

let snackbarId = 0;

export const useUiStore = create<UiState>()((set) => ({
  language: 'zh-CN',
  officeProfile: null,
  snackbar: null,
  setLanguage: (language) => set({ language }),
  setOfficeProfile: (officeProfile) => set({ officeProfile }),
  showSnackbar: (message, severity = 'success') => set({ snackbar: { id: ++snackbarId, message, severity } }),
  closeSnackbar: () => set({ snackbar: null }),
}));
