export declare const SERVER_HEAP_MB: number;
export declare function serverNodeFlags(env?: Record<string, string | undefined>): string[];
