//go:build v6vm

package main

func which() string { return "v6vm" }
