namespace Samskapelse;
internal static class Placeholder { }
