// Package panel builds entente's state-year and dyad-year panels and writes
// them as CSV, gzip-compressed CSV or Parquet, each with a codebook.
//
// A panel is planned, then built over the year-indexed tables of a
// history.History (the one loader of the datasets), then written year by
// year through a Writer:
//
//	plan, err := panel.DyadPlan(panel.DefaultOptions())
//	h, err := plan.Open(dir) // history.OpenWith: only the files the plan needs
//	w, err := panel.Create("dyads.parquet", plan.Columns())
//	res, err := plan.Build(ctx, h, w)
//	err = plan.Codebook().Annotate(w) // Parquet: the codebook in the file's metadata
//	err = w.Close()
//	_, err = plan.Codebook().WriteFiles("dyads.parquet")
//
// The rows of a year are the members of the COW state system that year
// (system2016.csv, optionally extended past 2016: Options.ExtendSystemTo):
// a directed dyad-year panel has n(n−1) rows for the year's n members, less
// the pairs that were never members on the same day of the year (dropped
// unless Options.KeepApart), 1,912,290 over 1816–2016; a non-directed
// panel has half as many, with ccode1 < ccode2.
//
// Build works on several years at once (one per core) and hands them to
// the Writer in year order; it never holds the whole panel in memory. Each
// year spreads the dyad-year sources (ATOP obligations, COW pledges,
// contiguity, minimum distance, GML disputes) into dense matrices over the
// year's members, so every join is an array lookup.
//
// Missing is not zero. A variable is missing in years outside its source's
// coverage (COW alliances after 2012, ATOP after 2018, NMC and contiguity
// after 2016, CShapes distances before 1886, GML disputes after 2010) and
// where the source codes it missing; missing values are empty CSV cells and
// Parquet nulls. Each column's source, version, coverage and citation are
// in the codebook, written beside the output as FILE.codebook.md and
// FILE.codebook.json.
//
// See docs/panel.md for the variables, the rules that expand COW
// membership spells into dyad-years, and how to reproduce a peacesciencer
// pipeline.
package panel
