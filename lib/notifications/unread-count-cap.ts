/** The bell shows "99+" beyond this: the count stops there. */
export const unreadCountCap = 99;
