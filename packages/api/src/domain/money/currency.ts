/** The currency the platform books in until sellers may choose another. */
export const PLATFORM_CURRENCY = "USD";
