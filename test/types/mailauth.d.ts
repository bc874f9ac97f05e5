/** The part of mailauth (no types of its own) the DKIM test uses. */
declare module "mailauth/lib/dkim/verify.js" {
  export interface DkimResult {
    signingDomain: string;
    selector: string;
    status: { result: "pass" | "fail" | "neutral" | "none" | "policy" | "temperror" | "permerror" };
  }
  export function dkimVerify(
    input: string | Buffer,
    options: { resolver: (name: string, type: string) => Promise<string[][]> },
  ): Promise<{ results: DkimResult[] }>;
}
