import { describe, expect, it } from 'vitest';
import { isCsvFileError } from './csv-file-error.ts';
import { detectEncoding } from './detect-encoding.ts';

function hex(bytes: string): Uint8Array {
  return new Uint8Array(bytes.match(/../g)?.map((pair) => Number.parseInt(pair, 16)) ?? []);
}

describe('detectEncoding', () => {
  // Bytes written by Python's cp1252 / cp932 codecs (Node cannot encode them).
  it.each([
    ['Société Générale;Crème brûlée;Zürich;Müller;Ñandú;São João;Ærøskøbing', 'windows-1252', '536f6369e974e92047e96ee972616c653b4372e86d65206272fb6ce9653b5afc726963683b4dfc6c6c65723bd1616e64fa3b53e36f204a6fe36f3bc672f8736bf862696e67'],
    ['Café René, Hôtel Élysée, rue de l\'Église', 'windows-1252', '436166e92052656ee92c2048f474656c20c96c7973e9652c20727565206465206c27c9676c697365'],
    ['Straße;Größe;Übung;Öffnung', 'windows-1252', '53747261df653b4772f6df653bdc62756e673bd666666e756e67'],
    ['Señor Muñoz, Año nuevo, Peña', 'windows-1252', '5365f16f72204d75f16f7a2c2041f16f206e7565766f2c205065f161'],
    ['“Smart quotes” – dash — €100', 'windows-1252', '93536d6172742071756f746573942096206461736820972080313030'],
    ['Crème', 'windows-1252', '4372e86d65'],
    ['José,Martín', 'windows-1252', '4a6f73e92c4d617274ed6e'],
    ['ÄRGER,ÉLYSÉE', 'windows-1252', 'c4524745522cc94c5953c945'],
    ['株式会社テスト,東京都千代田区', 'shift_jis', '8a948eae89ef8ed08365835883672c938c8b9e937390e791e393638be6'],
    ['ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ', 'shift_jis', 'b6ccdebcb7b6deb2bcac20c3bdc4'],
    ['会社名,ドメイン,国/地域', 'shift_jis', '89ef8ed096bc2c83688381834383932c8d912f926e88e6'],
    ['さくら', 'shift_jis', '82b382ad82e7'],
    ['日本', 'shift_jis', '93fa967b'],
    ['山田', 'shift_jis', '8e529363'],
  ])('should read %j as %s', (text, encoding, bytes) => {
    const sample = hex(bytes);
    expect(detectEncoding(sample).encoding).toBe(encoding);
    expect(new TextDecoder(encoding).decode(sample)).toBe(text);
  });

  it.each([
    ['utf-8 BOM', [0xef, 0xbb, 0xbf, 0x61], 'utf-8', 3],
    ['utf-16le BOM', [0xff, 0xfe, 0x61, 0x00], 'utf-16le', 2],
    ['utf-16be BOM', [0xfe, 0xff, 0x00, 0x61], 'utf-16be', 2],
    ['utf-16le without BOM', [0x61, 0x00, 0x2c, 0x00, 0x62, 0x00, 0x0a, 0x00], 'utf-16le', 0],
    ['utf-16be without BOM', [0x00, 0x61, 0x00, 0x2c, 0x00, 0x62, 0x00, 0x0a], 'utf-16be', 0],
    ['plain UTF-8', [...new TextEncoder().encode('会社名,é')], 'utf-8', 0],
  ])('should detect %s', (_, bytes, encoding, bomLength) => {
    expect(detectEncoding(new Uint8Array(bytes))).toEqual({ encoding, bomLength });
  });

  it('should refuse bytes that no supported encoding decodes', () => {
    // 0x81 is undefined in Windows-1252 and an incomplete lead byte in CP932 here.
    const error = (() => {
      try {
        detectEncoding(new Uint8Array([0x61, 0x81, 0x20, 0x81, 0x0a]));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(isCsvFileError(error) && error.reason).toBe('undecodable');
  });
});
