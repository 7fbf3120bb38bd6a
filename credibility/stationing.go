package credibility

import "github.com/entente/entente/world"

// Stationing is a patron's forces in a host: troops stationed and whether
// the host keeps the patron's nuclear weapons under a sharing
// arrangement. Troops is missing where no published figure is kept.
type Stationing struct {
	Patron, Host   int
	Troops         world.Value
	NuclearSharing bool
	Note           string
	Sources        []world.Source
}

var (
	dmdc2024 = world.Source{Citation: "US Defense Manpower Data Center, Military and Civilian Personnel by Service/Agency by State/Country, September 2024", Year: 2024,
		URL: "https://dwp.dmdc.osd.mil/dwp/app/dod-data-reports/workforce-reports"}
	usfk     = world.Source{Citation: "United States Forces Korea, About USFK: 28,500 service members", Year: 2024, URL: "https://www.usfk.mil/About/"}
	fas2024  = world.Source{Citation: "Kristensen, Hans M. & Matt Korda. 2024. United States nuclear weapons, 2024. Bulletin of the Atomic Scientists 80(3) (B61 bombs at six bases in five NATO states)", Year: 2024}
	fasRus   = world.Source{Citation: "Kristensen, Hans M., Matt Korda & Eliana Johns. 2024. Russian nuclear weapons, 2024. Bulletin of the Atomic Scientists 80(2) (non-strategic weapons for Belarus)", Year: 2024}
	iiss2024 = world.Source{Citation: "IISS, The Military Balance 2024: Russia's forces abroad (Armenia: one military base, Gyumri, about 3,000)", Year: 2024}
)

// Stationing2024 lists the stationing the embedded 2024 world's
// commitments read: US troops in Germany, Poland, Japan and South Korea
// (the largest US presences on NATO's eastern flank and in Asia); the
// NATO nuclear-sharing hosts (Belgium, Germany, Italy, the Netherlands,
// Türkiye); Russia's base in Armenia and its non-strategic weapons in
// Belarus.
var Stationing2024 = []Stationing{
	{Patron: 2, Host: 255, Troops: 35000, NuclearSharing: true, Note: "about 35,000 US personnel; B61 bombs at Büchel", Sources: []world.Source{dmdc2024, fas2024}},
	{Patron: 2, Host: 290, Troops: 10000, Note: "about 10,000 US personnel, rotational and permanent (V Corps forward headquarters)", Sources: []world.Source{dmdc2024}},
	{Patron: 2, Host: 740, Troops: 54000, Note: "about 54,000 US personnel (US Forces Japan)", Sources: []world.Source{dmdc2024}},
	{Patron: 2, Host: 732, Troops: 28500, Note: "28,500 US personnel (US Forces Korea)", Sources: []world.Source{usfk}},
	{Patron: 2, Host: 211, Troops: world.Missing(), NuclearSharing: true, Note: "B61 bombs at Kleine Brogel", Sources: []world.Source{fas2024}},
	{Patron: 2, Host: 210, Troops: world.Missing(), NuclearSharing: true, Note: "B61 bombs at Volkel", Sources: []world.Source{fas2024}},
	{Patron: 2, Host: 325, Troops: 12000, NuclearSharing: true, Note: "about 12,000 US personnel; B61 bombs at Aviano and Ghedi", Sources: []world.Source{dmdc2024, fas2024}},
	{Patron: 2, Host: 640, Troops: world.Missing(), NuclearSharing: true, Note: "B61 bombs at Incirlik", Sources: []world.Source{fas2024}},
	{Patron: 365, Host: 371, Troops: 3000, Note: "102nd Military Base, Gyumri, about 3,000", Sources: []world.Source{iiss2024}},
	{Patron: 365, Host: 370, Troops: world.Missing(), NuclearSharing: true, Note: "non-strategic nuclear weapons announced deployed in 2023", Sources: []world.Source{fasRus}},
}
