export { UsersPage } from './UsersAdmin';
