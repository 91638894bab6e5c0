export { notify, notificationInsert, NOTIFICATION_TYPES, type NotificationType, type NotifyInput } from "./notify";
export { listNotifications, countUnreadNotifications, type ListNotificationsInput } from "./list-notifications";
export { markNotificationsRead } from "./mark-read";
