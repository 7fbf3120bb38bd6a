package worldfiletest

import (
	"fmt"
	"math"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Edit applies to the world file src the edits that ops encodes, four
// bytes each: what (replace a value, delete a list item, duplicate a list
// item, copy a value from elsewhere), which node (two bytes), and an
// argument. A replacement keeps the value's kind (a number becomes another
// number, often an extreme one: 0, 5e-324, 1e300, the largest float; a
// date another date; a flag its opposite), so that most edited files
// still parse and reach the models, where mutations of the raw bytes
// almost never do (0.4% of them parsed).
func Edit(src, ops []byte) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, err
	}
	var scalars, seqs []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.ScalarNode:
			scalars = append(scalars, n)
		case yaml.SequenceNode:
			seqs = append(seqs, n)
		}
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 0 {
				continue // keys stay
			}
			walk(c)
		}
	}
	walk(&root)
	for ; len(ops) >= 4; ops = ops[4:] {
		k, arg := int(ops[1])<<8|int(ops[2]), ops[3]
		switch ops[0] % 4 {
		case 0:
			if len(scalars) > 0 {
				replace(scalars[k%len(scalars)], arg)
			}
		case 1:
			if s := seqs[k%max(1, len(seqs))]; len(seqs) > 0 && len(s.Content) > 0 {
				i := int(arg) % len(s.Content)
				s.Content = append(s.Content[:i], s.Content[i+1:]...)
			}
		case 2:
			if s := seqs[k%max(1, len(seqs))]; len(seqs) > 0 && len(s.Content) > 0 {
				s.Content = append(s.Content, deepCopy(s.Content[int(arg)%len(s.Content)]))
			}
		case 3:
			if len(scalars) > 0 {
				to, from := scalars[k%len(scalars)], scalars[(k+int(arg)+1)%len(scalars)]
				to.Value, to.Tag, to.Style = from.Value, from.Tag, from.Style
			}
		}
	}
	return yaml.Marshal(&root)
}

// extremes are the numbers a replaced number is drawn from, besides
// small changes of its own value.
var extremes = []float64{0, -0.0, 5e-324, 1e-300, 1e-9, 0.5, 1, 1 + 1e-15, 2, 100, 1e9, 1e15, 1e300,
	math.MaxFloat64, -1, -1e300}

var dateRE = regexp.MustCompile(`^(\d{4})-(\d\d)-(\d\d)$`)

// replace gives scalar n another value of its kind, chosen by arg.
func replace(n *yaml.Node, arg byte) {
	switch n.ShortTag() {
	case "!!int":
		v, _ := strconv.Atoi(n.Value)
		switch arg % 4 {
		case 0:
			v += int(arg) - 128
		case 1:
			v = []int{0, 1, -1, 2, 999, 1 << 31, -(1 << 31), 1 << 62}[arg/4%8]
		default:
			v = int(arg)
		}
		n.Value = strconv.Itoa(v)
	case "!!float":
		v, _ := strconv.ParseFloat(n.Value, 64)
		if arg%2 == 0 {
			v = extremes[int(arg/2)%len(extremes)]
		} else {
			v *= float64(arg) / 16
		}
		n.Value, n.Tag = strconv.FormatFloat(v, 'g', -1, 64), "!!float"
	case "!!bool":
		n.Value = strconv.FormatBool(n.Value != "true")
	case "!!null":
		n.Value, n.Tag = strconv.FormatFloat(extremes[int(arg)%len(extremes)], 'g', -1, 64), "!!float"
	default:
		if m := dateRE.FindStringSubmatch(n.Value); m != nil {
			y, _ := strconv.Atoi(m[1])
			n.Value = fmt.Sprintf("%04d-%s-%s", max(1, y+int(arg)-128), m[2], m[3])
			return
		}
		n.Value = []string{"", "x", "NaN", "Inf", "-", "Côte d’Ivoire", n.Value + n.Value}[int(arg)%7]
		n.Style = yaml.DoubleQuotedStyle
	}
}

func deepCopy(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, e := range n.Content {
		c.Content[i] = deepCopy(e)
	}
	return &c
}
