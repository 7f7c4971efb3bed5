import { Route, Routes } from 'react-router';
import { CustomerListPage } from './CustomerListPage';
import { CustomerCreatePage } from './CustomerCreatePage';
import { CustomerDetailPage } from './CustomerDetailPage';

/** 客户实名登记: `#/customers` list, `#/customers/new` form, `#/customers/<id>` profile, attachments, history. */
export default function CustomersArea() {
  return (
    <Routes>
      <Route index element={<CustomerListPage />} />
      <Route path="new" element={<CustomerCreatePage />} />
      <Route path=":id" element={<CustomerDetailPage />} />
    </Routes>
  );
}
