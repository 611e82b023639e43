using ValuePool.Cli;

return Cli.Run(args, Console.In, Console.Out, Console.Error);
