// Package mid reads the Militarized Interstate Dispute data: the four files
// of COW MID 5.0 (Palmer et al. 2022, "The MID5 Dataset, 2011–2014",
// Conflict Management and Peace Science 39(4): 470–482) and the
// Gibler–Miller–Little non-directed dyad-year file, version 2.1.1 (Gibler,
// Miller & Little 2016, "An Analysis of the Militarized Interstate Dispute
// (MID) Dataset, 1816–2001", International Studies Quarterly 60(4):
// 719–730).
//
//	dispnum,stday,stmon,styear,endday,endmon,endyear,outcome,settle,fatality,...
//	2,-9,7,1902,24,1,1903,6,1,0,...
//
// Missing codes. The MID files code an unknown value as -9, and other
// negative codes (-8, -7) are reported in some fields of some releases. The
// loaders read all three as missing wherever a field may be missing
// (world.Value NaN), and as an error where it may not (a dispute number, a
// year, a hostility level). The MID 5.0 and GML 2.1.1 files entente reads
// contain only -9 (checked column by column).
//
// Dates. An unknown day or month (-9) is read as 0, the "unknown" of
// world.Date; a day known while its month is unknown (never seen in the
// files) is dropped to unknown too. A start and end year must be in order.
//
// The MID 5.0 files have CRLF line endings; the GML file LF. Both are
// handled by the table reader.
//
// Errata. The GML 2.1.1 file codes endmon 19 for dispute 3514 (12 rows);
// MID 5.0 gives June. The loader reads that month as unknown (0) and every
// other month outside 1..12 as an error.
package mid
