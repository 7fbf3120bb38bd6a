// Package world is entente's vocabulary: the types every other package speaks.
//
// A World is a snapshot of the international system at one year: the member
// states with their capabilities, the alliances in force with their
// obligations and member spells, strategic partnerships that are not
// alliances, dyadic relations (distance, contiguity, hostility) and the
// militarized disputes on record up to that year. Sources (the loaders for
// COW, ATOP, MID, SIPRI and the geographic data, or a user's world file)
// build Worlds; models read them; front ends call models. No model reads a
// CSV and no loader knows a theory.
//
// Missing is not zero. A measured quantity is a Value, whose missing state
// (outside a source's coverage, or coded missing by the source, such as
// COW's -9) is explicit and survives arithmetic as NaN. Code systems are
// explicit too: a State is keyed by its Correlates of War code (ccode), and
// carries its Gleditsch–Ward code and ISO 3166-1 alpha-3 code where known.
package world
