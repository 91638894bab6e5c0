export { cn } from "./cn";
export { formatMoney } from "./money";
export { Button, LinkButton, buttonClasses, type ButtonProps, type ButtonVariant, type ButtonSize } from "./button";
export { Field, Input, Textarea, Select, type InputProps } from "./field";
export { Card, CardHeader, CardBody } from "./card";
export { Badge, type BadgeTone } from "./badge";
export { Alert, type AlertTone } from "./alert";
export { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";
export { FormDialog, type FormDialogProps } from "./form-dialog";
export { RefundItemsDialog, type RefundItemsDialogProps, type RefundItemsRequest } from "./refund-items-dialog";
export { Table, THead, TBody, Th, Td } from "./table";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { Skeleton, LoadingRegion } from "./skeleton";
export { NavLinks, type NavItem } from "./nav-links";
export { AppShell, PageHeader, AuthPanel, type ShellUser } from "./app-shell";
export { SignInForm, SignUpForm, AuthSwitch, type FormState, type FormAction, type SignUpField } from "./auth-forms";
export {
  FilterBar,
  FilterSelect,
  CursorPager,
  PaginatedTable,
  type FilterBarProps,
  type FilterChoice,
  type FilterSelectProps,
  type CursorPagerProps,
  type PaginatedTableProps,
} from "./list";
export { ReturnPhotos } from "./return-photos";
export { DisputesTable, type DisputeRow, type DisputesTableProps, type DisputeStatusName } from "./disputes-table";
