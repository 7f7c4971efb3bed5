import { Route, Routes } from 'react-router';
import { useCoolingSweeper } from '../../data/accountsHooks';
import { ApplicationListPage } from './ApplicationListPage';
import { ApplicationWizardPage } from './ApplicationWizardPage';
import { ApplicationDetailPage } from './ApplicationDetailPage';
import { AccountListPage } from './AccountListPage';
import { AccountPage } from './AccountPage';

/**
 * 受理 (issue 4 items 4 and 5): `#/applications` list by status, `new` wizard, `<id>` detail with
 * the status stepper, `<id>/edit`; service accounts at `accounts`, `accounts/<id>` and a change
 * requirement form at `accounts/<id>/change`.
 */
export default function ApplicationsArea() {
  // numbers whose cooling period ended go back to the pool while the clerk works here
  useCoolingSweeper();
  return (
    <Routes>
      <Route index element={<ApplicationListPage />} />
      <Route path="new" element={<ApplicationWizardPage />} />
      <Route path="accounts" element={<AccountListPage />} />
      <Route path="accounts/:accountId" element={<AccountPage />} />
      <Route path="accounts/:accountId/change" element={<ApplicationWizardPage />} />
      <Route path=":id" element={<ApplicationDetailPage />} />
      <Route path=":id/edit" element={<ApplicationWizardPage />} />
    </Routes>
  );
}
