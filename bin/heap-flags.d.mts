/** The heap flags `bin/pc-onboard.mjs` starts the CLI with for `command` (see heap-flags.mjs). */
export declare function heapFlagsFor(command: string | undefined, nodeOptions: string | undefined): string[];
