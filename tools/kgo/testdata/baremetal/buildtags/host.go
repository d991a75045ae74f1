//go:build !v6vm

package main

func which() string { return "host" }
