System.Console.WriteLine("benchmarks land with the generator");
