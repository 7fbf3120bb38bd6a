// Package geo reads the geographic data: capitals with their moves, the
// distance between capitals, and the minimum distance between territories.
//
//   - ReadCapitals: COW capitals as compiled by peacesciencer (Miller 2022),
//     one row per capital spell, geocoded through OpenStreetMap (so
//     coordinates are approximate):
//
//     ccode,statenme,capital,stdate,enddate,lat,lng
//     140,Brazil,Rio de Janeiro,1822-01-01,1960-04-20,-22.9110137,-43.2093727
//
//   - ReadCapDist: Gleditsch & Ward's capital distances (Gleditsch & Ward
//     2001, "Measuring Space", Journal of Peace Research 38(6): 739–758).
//     Codes are Gleditsch–Ward, not COW; pairs are ordered (both
//     directions are listed); there is one capital per state and no year.
//
//   - ReadMinDist: minimum distance in km between the territories of two COW
//     states in a year, computed by peacesciencer from CShapes 2.0
//     (Schvitz et al. 2022) polygons simplified to keep=0.1, 1886–2019,
//     directed dyad-years. Zero means contiguous or touching. It is the
//     largest file entente reads (952,244 rows), so it has its own parser
//     that allocates once for the file and once for the rows.
package geo
