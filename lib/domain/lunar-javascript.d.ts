// lunar-javascript ships no types; only the part Cardfile uses (lunar → solar dates).
declare module 'lunar-javascript' {
  export class Solar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
  }
  export class Lunar {
    static fromYmd(year: number, month: number, day: number): Lunar;
    getSolar(): Solar;
  }
}
