import { readFileSync, writeFileSync } from 'node:fs';
import { encode } from 'fast-png';
import { decodeImage } from '../../lib/capture/ocr/decode';
import { preprocess } from '../../lib/capture/ocr/preprocess';
const img = await decodeImage(new Uint8Array(readFileSync(process.argv[2]!)));
const p = preprocess(img);
console.log(p.steps);
writeFileSync(process.argv[3]!, encode({ width: p.image.width, height: p.image.height, data: p.image.data, channels: 1 }));
