package main

import (
	"reflect"
	"testing"

	"v6vm/tools/explore"
)

func TestParseSeeds(t *testing.T) {
	seeds := func(rs []explore.Run) []uint64 {
		var s []uint64
		for _, r := range rs {
			s = append(s, r.Seed)
		}
		return s
	}
	for in, want := range map[string][]uint64{
		"1-3":         {1, 2, 3},
		"7":           {7},
		"1-2, 10,5-6": {1, 2, 10, 5, 6},
		"0-0":         {0},
	} {
		got, err := parseSeeds(in)
		if err != nil || !reflect.DeepEqual(seeds(got), want) {
			t.Errorf("%q: %v %v, want %v", in, seeds(got), err, want)
		}
	}
	for _, bad := range []string{"", "a", "3-1", "1-", "-5", "1-99999999999"} {
		if _, err := parseSeeds(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
