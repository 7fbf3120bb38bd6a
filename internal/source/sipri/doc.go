// Package sipri reads military expenditure from the SIPRI Military
// Expenditure Database (Stockholm International Peace Research Institute,
// https://www.sipri.org/databases/milex).
//
//   - ReadShares: military expenditure as a share of GDP, in percent, as
//     processed by Our World in Data (CC BY 4.0), long format keyed by ISO3:
//
//     Entity,Code,Year,Military expenditure (% of GDP),World region according to OWID
//     Poland,POL,2024,4.1543937,Europe
//
//     Rows without a code are aggregates (the "European Union (SIPRI)"
//     rows): they are kept apart in Shares.Aggregates, outside the ISO3
//     index.
//
//   - ReadUSD: military expenditure in millions of current US dollars, the
//     wide SIPRI sheet (Country, 1949, ..., 2018). The file is Windows-1252
//     (a superset of latin-1: "Côte d’Ivoire" has the right quote 0x92); a
//     missing cell is a single space. Rows are named, not coded: names.csv,
//     embedded here, maps every SIPRI name to the ISO 3166-1 alpha-3 code
//     under which its series is filed (ISO 3166 Maintenance Agency; ISO
//     3166-3 for former codes). A predecessor whose series continues in a
//     successor's is filed under the successor's code (USSR under RUS,
//     Yugoslavia under SRB, North Yemen under YEM); the loader checks that
//     two rows filed under one code never both have a value for a year.
package sipri
