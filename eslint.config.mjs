// office-addin-lint picks this file up instead of its own default (which it extends).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    rules: {
      // TypeScript checks names; these two misread `const X = z.object(); type X = …` and ambient globals.
      "no-undef": "off",
      "no-redeclare": "off",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Cell text is always rendered as text." },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: "Use textContent." },
      ],
    },
  },
  {
    // A spread call puts every element on the stack: past ~100,000 (a district's warnings)
    // it throws "Maximum call stack size exceeded". Use maxOf/minOf/appendAll (src/core/arrays.ts)
    // or pass the array itself. The first two entries repeat the ones above (a later
    // no-restricted-syntax replaces an earlier one, it does not add to it).
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "Cell text is always rendered as text." },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: "Use textContent." },
        {
          selector: "CallExpression > SpreadElement, NewExpression > SpreadElement",
          message:
            "No spread into a call: an unbounded array overflows the stack. Use maxOf/minOf/appendAll from src/core/arrays.ts, or pass the array.",
        },
      ],
    },
  },
  {
    // The command line works on ExcelJS objects, not Office.js proxies.
    files: ["src/cli/**/*.ts"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
];
