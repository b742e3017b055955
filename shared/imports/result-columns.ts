/** The columns this tool appends to the results file, in order (docs/contracts/csv.md §5). */
export const RESULT_COLUMNS = [
  'pc_row',
  'pc_line',
  'pc_status',
  'pc_customer_id',
  'pc_admin_user',
  'pc_orders',
  'pc_relationship_url',
  'pc_error_code',
  'pc_error_field',
  'pc_error',
  'pc_note',
] as const;

/** The column an orders file's results add after RESULT_COLUMNS (docs/contracts/csv.md §6). */
export const ORDER_RESULT_COLUMNS = ['pc_subscriptions'] as const;

/** The columns the failed-rows file appends, so it can be fixed and re-imported as it is. */
export const FAILED_ROW_COLUMNS = ['pc_error_field', 'pc_error'] as const;
