/** The types of scripts/screenshots.mjs, for the tests that use it. */
export declare const WIDTH: number;
export declare const CHROMIUM_ARGS: string[];
export declare function takeScreenshots(outDir: string, opts?: { executablePath?: string }): Promise<string[]>;
