/** How many task rows the workflow create form shows. */
export const createFormTaskRows = 3;
