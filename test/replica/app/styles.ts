/** Fluent-like looks for the replica (also injected into its shadow roots). */
export const FIELD_STYLES = `
.field { display: flex; flex-direction: column; gap: 4px; margin: 0 0 14px; max-width: 420px; position: relative; }
.ms-Label, .fui-Label, .label-text { font-weight: 600; font-size: 14px; color: #323130; }
select { font: inherit; padding: 5px 8px; border: 1px solid #8a8886; border-radius: 2px; }
input[type=text], input[type=search], input[type=number], input:not([type]) { font: inherit; padding: 5px 8px; border: 1px solid #8a8886; border-radius: 2px; min-height: 20px; }
input[aria-invalid=true] { border-color: #a4262c; }
.field-error { color: #a4262c; font-size: 12px; }
.field-status { color: #107c10; font-size: 12px; min-height: 17px; }
.section-heading { font-size: 18px; font-weight: 600; margin: 22px 0 12px; color: #201f1e; }
.section-heading.small { font-size: 15px; }
.card { border-top: 1px solid #edebe9; padding-top: 4px; }
`;

export const PAGE_STYLES = `
${FIELD_STYLES}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 "Segoe UI", system-ui, sans-serif; color: #323130; background: #faf9f8; }
.top-bar { background: #0078d4; color: white; padding: 10px 20px; font-weight: 600; }
.layout { display: flex; }
.stepper { width: 220px; padding: 24px 16px; border-right: 1px solid #edebe9; min-height: calc(100vh - 40px); background: #fff; }
.stepper ol { list-style: none; margin: 0; padding: 0; }
.stepper li { padding: 8px 10px; color: #605e5c; border-left: 3px solid transparent; }
.stepper li[aria-current=step] { color: #0078d4; font-weight: 600; border-left-color: #0078d4; }
main { flex: 1; padding: 20px 40px 60px; background: #fff; }
h1 { font-size: 24px; font-weight: 600; margin: 0 0 8px; }
.ms-Dropdown { border: 1px solid #8a8886; border-radius: 2px; padding: 5px 28px 5px 8px; cursor: pointer; position: relative; background: #fff; min-height: 32px; }
.ms-Dropdown[aria-invalid=true] { border-color: #a4262c; }
.ms-Dropdown-title.is-placeholder { color: #605e5c; }
.ms-Dropdown-caretDownWrapper, .fui-Combobox__expandIcon { position: absolute; right: 8px; top: 5px; color: #605e5c; }
.ms-Callout, .fui-Listbox { position: absolute; background: #fff; box-shadow: 0 6px 14px rgba(0,0,0,.2); max-height: 260px; overflow: auto; z-index: 10; }
.ms-Dropdown-item { display: block; width: 100%; text-align: left; border: 0; background: #fff; padding: 6px 10px; font: inherit; cursor: pointer; }
.ms-Dropdown-item:hover, .fui-Option:hover { background: #f3f2f1; }
.ms-Dropdown-item.is-selected, .fui-Option[aria-selected=true] { background: #edebe9; }
.fui-Option { padding: 6px 10px; cursor: pointer; }
.fui-Combobox { position: relative; display: flex; flex-direction: column; }
.domain-row { display: flex; align-items: center; gap: 6px; }
.domain-row input { flex: 1; }
.domain-suffix { color: #605e5c; }
.checkbox-field { flex-direction: row; align-items: center; gap: 8px; }
.actions { display: flex; gap: 8px; margin-top: 24px; }
button { font: inherit; padding: 6px 16px; border: 1px solid #8a8886; background: #fff; border-radius: 2px; cursor: pointer; }
button.primary { background: #0078d4; border-color: #0078d4; color: #fff; }
.offer-list { border: 1px solid #edebe9; max-width: 760px; }
.offer-row { display: grid; grid-template-columns: 32px 1fr 160px; align-items: center; gap: 8px; padding: 8px 12px; border-bottom: 1px solid #edebe9; }
.offer-id { color: #605e5c; font-size: 12px; }
.offer-row input[type=number] { width: 120px; padding: 4px 6px; }
dl.review { display: grid; grid-template-columns: 260px 1fr; gap: 6px 16px; max-width: 760px; }
dl.review dt { color: #605e5c; }
dl.review dd { margin: 0; }
.review-section { display: flex; align-items: baseline; gap: 16px; }
.alert { background: #fde7e9; border: 1px solid #a4262c; padding: 8px 12px; margin: 12px 0; max-width: 760px; }
.secret { font-family: Consolas, monospace; background: #f3f2f1; padding: 4px 8px; }
.credential { display: flex; align-items: center; gap: 12px; margin: 8px 0; }
`;
