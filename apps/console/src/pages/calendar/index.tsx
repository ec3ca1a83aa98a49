export { CalendarPage } from './WorkingCalendarPage';
