// Reads YAML files as go-yaml reads them, for tests/gate/test_gate_goyaml.py.
//
//	reader v2|v3 FILE...
//
// prints one JSON line per file: {"docs": [...]} (each document converted to JSON as
// sigs.k8s.io/yaml does: map keys become strings) or {"error": "..."}.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	yamlv2 "gopkg.in/yaml.v2"
	yamlv3 "gopkg.in/yaml.v3"
)

type decoder interface{ Decode(interface{}) error }

func jsonable(v interface{}) (interface{}, error) {
	switch t := v.(type) {
	case map[interface{}]interface{}:
		out := map[string]interface{}{}
		for k, val := range t {
			key := ""
			switch kk := k.(type) {
			case string:
				key = kk
			case int, int64, uint64, float64, bool:
				key = fmt.Sprint(kk)
			case nil:
				key = "null"
			default:
				return nil, fmt.Errorf("unsupported map key %T", k)
			}
			c, err := jsonable(val)
			if err != nil {
				return nil, err
			}
			out[key] = c
		}
		return out, nil
	case map[string]interface{}:
		out := map[string]interface{}{}
		for k, val := range t {
			c, err := jsonable(val)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case []interface{}:
		out := make([]interface{}, len(t))
		for i, val := range t {
			c, err := jsonable(val)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	return v, nil
}

func read(version, path string) map[string]interface{} {
	f, err := os.Open(path)
	if err != nil {
		return map[string]interface{}{"error": err.Error()}
	}
	defer f.Close()
	var dec decoder
	if version == "v2" {
		dec = yamlv2.NewDecoder(f)
	} else {
		dec = yamlv3.NewDecoder(f)
	}
	docs := []interface{}{}
	for {
		var doc interface{}
		err := dec.Decode(&doc)
		if err == io.EOF {
			break
		}
		if err != nil {
			return map[string]interface{}{"error": err.Error()}
		}
		c, err := jsonable(doc)
		if err != nil {
			return map[string]interface{}{"error": err.Error()}
		}
		docs = append(docs, c)
	}
	return map[string]interface{}{"docs": docs}
}

func main() {
	out := json.NewEncoder(os.Stdout)
	for _, path := range os.Args[2:] {
		if err := out.Encode(read(os.Args[1], path)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}
