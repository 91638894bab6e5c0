import { createElement, type ReactElement } from "react";
import { PasswordResetEmail, passwordResetSubject, VerifyEmailEmail, verifyEmailSubject, type PasswordResetProps, type VerifyEmailProps } from "./account-link";
import { BackInStockEmail, backInStockSubject, type BackInStockProps } from "./back-in-stock";
import { CartReminderEmail, cartReminderSubject, type CartReminderProps } from "./cart-reminder";
import { LowStockEmail, lowStockSubject, type LowStockProps } from "./low-stock";
import { NewOrderEmail, newOrderSubject, type NewOrderProps } from "./new-order";
import { NoticeEmail, noticeSubject, type NoticeProps } from "./notice";
import { OrderConfirmationEmail, orderConfirmationSubject, type OrderConfirmationProps } from "./order-confirmation";
import { PayoutPaidEmail, payoutPaidSubject, type PayoutPaidProps } from "./payout-paid";
import { ShopMessageEmail, shopMessageSubject, type ShopMessageProps } from "./shop-message";
import { ShipmentUpdateEmail, shipmentUpdateSubject, type ShipmentUpdateProps } from "./shipment-update";
import { TierChangedEmail, tierChangedSubject, type TierChangedProps } from "./tier-changed";
import { SystemAlertEmail, systemAlertSubject, type SystemAlertProps } from "./system-alert";

// The templates declare `@jsxRuntime automatic` themselves: the worker runs them through tsx from
// the repository root, where no tsconfig says which JSX runtime to use.

export interface Template<P> {
  subject: (props: P) => string;
  element: (props: P) => ReactElement;
}

const template = <P extends object>(subject: (props: P) => string, Component: (props: P) => ReactElement): Template<P> => ({
  subject,
  element: (props) => createElement(Component, props),
});

/** Every email Bazaar sends, by the name stored in `Email.template`. */
export const templates = {
  "order-confirmation": template<OrderConfirmationProps>(orderConfirmationSubject, OrderConfirmationEmail),
  "new-order": template<NewOrderProps>(newOrderSubject, NewOrderEmail),
  "shipment-update": template<ShipmentUpdateProps>(shipmentUpdateSubject, ShipmentUpdateEmail),
  "low-stock": template<LowStockProps>(lowStockSubject, LowStockEmail),
  "cart-reminder": template<CartReminderProps>(cartReminderSubject, CartReminderEmail),
  "back-in-stock": template<BackInStockProps>(backInStockSubject, BackInStockEmail),
  "shop-message": template<ShopMessageProps>(shopMessageSubject, ShopMessageEmail),
  "payout-paid": template<PayoutPaidProps>(payoutPaidSubject, PayoutPaidEmail),
  "system-alert": template<SystemAlertProps>(systemAlertSubject, SystemAlertEmail),
  "verify-email": template<VerifyEmailProps>(verifyEmailSubject, VerifyEmailEmail),
  "password-reset": template<PasswordResetProps>(passwordResetSubject, PasswordResetEmail),
  notice: template<NoticeProps>(noticeSubject, NoticeEmail),
  "tier-changed": template<TierChangedProps>(tierChangedSubject, TierChangedEmail),
};

export type TemplateName = keyof typeof templates;
export type TemplateProps<N extends TemplateName> = Parameters<(typeof templates)[N]["subject"]>[0];
