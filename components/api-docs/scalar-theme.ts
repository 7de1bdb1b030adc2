/**
 * Scalar's light theme with text colours that meet WCAG AA contrast (4.5:1) on its white and grey backgrounds: its
 * own secondary greys and HTTP-method colours fall short. The doubled class outranks the bundle's own rules.
 */
export const scalarThemeCss = `
.light-mode.light-mode {
  --scalar-color-2: #555555;
  --scalar-color-3: #5f5f5f;
  --scalar-color-accent: #0369a1;
  --scalar-color-green: #047857;
  --scalar-color-red: #b91c1c;
  --scalar-color-yellow: #854d0e;
  --scalar-color-blue: #1d4ed8;
  --scalar-color-orange: #c2410c;
  --scalar-color-purple: #6d28d9;
  --scalar-color-query: #0f766e;
}
`;
