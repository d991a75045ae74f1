module v6vm

go 1.26

require (
	github.com/hashicorp/errwrap v1.0.0 // indirect
	github.com/hashicorp/go-multierror v1.1.1
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/sebdah/goldie/v2 v2.8.0
	github.com/sergi/go-diff v1.0.0 // indirect
	github.com/spf13/pflag v1.1.0
)
