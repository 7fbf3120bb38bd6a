package worldfile_test

import (
	"fmt"

	"github.com/entente/entente/internal/worldfile"
)

func ExampleParse() {
	_, err := worldfile.Parse("mine.yaml", []byte(`format: entente/v1
as_of: 2024-12-31
states:
  - {ccode: 2, name: United States}
alliances:
  - id: pact
    formal: true
    obligations: [defense]
    start: 2000-01-01
    members:
      - {ccode: 2, joined: 2000-01-01}
      - {ccode: 20, joined: 1999-12-01}
`))
	fmt.Println(err)
	// Output:
	// mine.yaml:12:17: alliances[0].members[1].ccode: unknown state 20 (not among states)
	// mine.yaml:12:29: alliances[0].members[1].joined: joined 1999-12-01 before the alliance began 2000-01-01
}

func ExampleDefault() {
	w, err := worldfile.Default()
	if err != nil {
		panic(err)
	}
	fmt.Println(w.AsOf, len(w.Alliances[0].MembersIn(2024)), w.Alliances[0].Name)
	// Output: 2024-12-31 32 North Atlantic Treaty Organization
}
