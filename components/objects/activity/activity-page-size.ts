/** How many comments and events the feed shows at first, and adds with each "Load older activity". */
export const activityPageSize = 20;
